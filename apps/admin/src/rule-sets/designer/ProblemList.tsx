import { Alert, AlertTitle, Box, List, ListItem, ListItemButton, ListItemText } from '@mui/material';
import type { RuleSetProblem } from '@whistle/domain';
import { useTranslate } from 'react-admin';
import { useProblemWords } from './problems';

/**
 * Problems as a list, each worded in the console's language after its path; with `onPick`, each is a button that
 * takes the admin to the field.
 */
export function ProblemList({ problems, title, onPick }: { problems: RuleSetProblem[]; title?: string; onPick?: (path: string) => void }) {
  const translate = useTranslate();
  const words = useProblemWords();
  return (
    <Alert severity="warning" data-testid="definition-problems" sx={{ width: '100%' }}>
      <AlertTitle>{title ?? translate('whistle.ruleSets.problemCount', { smart_count: problems.length })}</AlertTitle>
      <List dense disablePadding>
        {problems.map((problem) => {
          const text = (
            <ListItemText
              primary={
                <>
                  <Box component="code" sx={{ fontFamily: 'monospace', fontWeight: 600, mr: 1 }}>
                    {problem.path || translate('whistle.ruleSets.root')}
                  </Box>
                  {words(problem)}
                </>
              }
            />
          );
          return (
            <ListItem
              key={`${problem.path}:${problem.message}`}
              disableGutters
              disablePadding
              data-testid="definition-problem"
              data-path={problem.path}
            >
              {onPick ? (
                <ListItemButton dense sx={{ px: 0.5 }} onClick={() => onPick(problem.path)}>
                  {text}
                </ListItemButton>
              ) : (
                text
              )}
            </ListItem>
          );
        })}
      </List>
    </Alert>
  );
}
