import { Alert } from '@mui/material';
import { useTranslate } from 'react-admin';
import { ProblemList } from './ProblemList';
import { useDefinitionCheck } from './problems';

/**
 * Whether the rules on screen would publish: every problem (each a way to its field), "checking" while the server
 * judges the organizations and people named, or ready.
 */
export function DefinitionStatus({ onPick }: { onPick?: (path: string) => void }) {
  const translate = useTranslate();
  const { problems, pending } = useDefinitionCheck();
  if (problems.length) return <ProblemList problems={problems} onPick={onPick} />;
  if (pending)
    return (
      <Alert severity="info" data-testid="definition-checking" sx={{ width: '100%' }}>
        {translate('whistle.ruleDesigner.checking')}
      </Alert>
    );
  return (
    <Alert severity="success" data-testid="definition-valid" sx={{ width: '100%' }}>
      {translate('whistle.ruleSets.valid')}
    </Alert>
  );
}
