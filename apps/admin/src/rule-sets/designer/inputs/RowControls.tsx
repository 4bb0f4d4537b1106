import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteIcon from '@mui/icons-material/DeleteOutlineOutlined';
import { IconButton, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * A row's move up, move down and remove buttons, for the ordered lists of the designer (reminder chains, tasks).
 * `kind` names the buttons for tests and tools (`data-action="task-up"`, `"remove-task"`).
 */
export function RowControls({
  kind,
  first,
  last,
  onMove,
  onRemove,
  removeLabel = 'whistle.designer.remove',
}: {
  kind: 'task' | 'reminder';
  first: boolean;
  last: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  removeLabel?: string;
}) {
  const translate = useTranslate();
  const move = (by: -1 | 1, label: string, disabled: boolean, icon: React.ReactNode, action: string) => (
    <Tooltip title={translate(label)}>
      {/* A disabled button fires no events: the span lets the tooltip still explain it. */}
      <span>
        <IconButton size="small" disabled={disabled} onClick={() => onMove(by)} aria-label={translate(label)} data-action={action}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );
  return (
    <>
      {move(-1, 'whistle.designer.moveUp', first, <ArrowUpwardIcon fontSize="small" />, `${kind}-up`)}
      {move(1, 'whistle.designer.moveDown', last, <ArrowDownwardIcon fontSize="small" />, `${kind}-down`)}
      <Tooltip title={translate(removeLabel)}>
        <IconButton size="small" onClick={onRemove} aria-label={translate(removeLabel)} data-action={`remove-${kind}`}>
          <DeleteIcon fontSize="small" />
        </IconButton>
      </Tooltip>
    </>
  );
}
