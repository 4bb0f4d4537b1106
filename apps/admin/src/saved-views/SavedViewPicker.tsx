import BookmarksIcon from '@mui/icons-material/Bookmarks';
import DeleteIcon from '@mui/icons-material/Delete';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  IconButton,
  ListItemText,
  Menu,
  MenuItem,
  TextField,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useCreate, useDelete, useGetList, useListContext, useNotify, useTranslate } from 'react-admin';

/** One of the user's saved case filters (GET /api/saved-views): the server keeps them per user. */
export interface SavedView {
  id: string;
  name: string;
  filter: Record<string, unknown>;
}

/**
 * The user's saved views for the surrounding case list or board: apply one (its filters replace the current ones, and
 * their inputs are shown), save the current filters under a name (a name already used is replaced), or delete one.
 */
export function SavedViewPicker() {
  const translate = useTranslate();
  const notify = useNotify();
  const { filterValues, setFilters } = useListContext();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const { data: views = [], refetch } = useGetList<SavedView>('saved-views', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [create, { isPending: saving }] = useCreate<SavedView>();
  const [remove] = useDelete<SavedView>();

  const apply = (view: SavedView) => {
    setAnchor(null);
    setFilters(view.filter, Object.fromEntries(Object.keys(view.filter).map((key) => [key, true])));
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    void create(
      'saved-views',
      { data: { name: name.trim(), filter: filterValues } },
      {
        onSuccess: () => {
          notify('whistle.savedViews.saved', { type: 'success', messageArgs: { name: name.trim() } });
          setNaming(false);
          setName('');
          void refetch();
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  };

  const drop = (view: SavedView) => {
    void remove(
      'saved-views',
      { id: view.id, previousData: view },
      { mutationMode: 'pessimistic', onSuccess: () => void refetch(), onError: (error) => notify((error as Error).message, { type: 'error' }) },
    );
  };

  return (
    <>
      <Button size="small" startIcon={<BookmarksIcon />} onClick={(event) => setAnchor(event.currentTarget)} data-testid="saved-views">
        {translate('whistle.savedViews.button')}
      </Button>
      <Menu anchorEl={anchor} open={!!anchor} onClose={() => setAnchor(null)}>
        {views.length === 0 ? (
          <MenuItem disabled>
            <ListItemText primary={translate('whistle.savedViews.none')} />
          </MenuItem>
        ) : null}
        {views.map((view) => (
          <MenuItem key={view.id} onClick={() => apply(view)} data-view={view.name}>
            <ListItemText primary={view.name} />
            <IconButton
              edge="end"
              size="small"
              aria-label={translate('whistle.savedViews.delete', { name: view.name })}
              onClick={(event) => {
                event.stopPropagation();
                drop(view);
              }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <Divider />
        <MenuItem
          onClick={() => {
            setAnchor(null);
            setNaming(true);
          }}
          data-testid="save-view"
        >
          {translate('whistle.savedViews.saveCurrent')}
        </MenuItem>
      </Menu>
      <Dialog open={naming} onClose={() => setNaming(false)} fullWidth maxWidth="xs">
        <form onSubmit={save}>
          <DialogTitle>{translate('whistle.savedViews.saveCurrent')}</DialogTitle>
          <DialogContent>
            <TextField
              name="name"
              label={translate('whistle.savedViews.name')}
              value={name}
              onChange={(event) => setName(event.target.value)}
              autoFocus
              fullWidth
              margin="dense"
              slotProps={{ htmlInput: { maxLength: 80 } }}
            />
          </DialogContent>
          <DialogActions>
            <Button onClick={() => setNaming(false)}>{translate('ra.action.cancel')}</Button>
            <Button type="submit" variant="contained" disabled={saving || name.trim() === ''}>
              {translate('ra.action.save')}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
