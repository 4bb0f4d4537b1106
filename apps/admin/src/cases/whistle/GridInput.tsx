import { useEffect, useRef } from 'react';
import { AutocompleteInput, ReferenceInput, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';

/**
 * The grid (网格) of the whistle's community the problem is in, picked by name among that community's grids
 * only. Another community picked (by a coordinator) empties it: a grid belongs to one community.
 */
export function GridInput() {
  const translate = useTranslate();
  const communityId = useWatch<{ communityId?: string | null }>({ name: 'communityId' });
  const { setValue } = useFormContext();
  const previous = useRef(communityId);
  useEffect(() => {
    if (previous.current !== communityId) setValue('gridId', '');
    previous.current = communityId;
  }, [communityId, setValue]);
  return (
    <ReferenceInput
      source="gridId"
      reference="organizations"
      filter={{ kind: 'grid', parentId: communityId ?? undefined }}
      sort={{ field: 'name', order: 'ASC' }}
      perPage={100}
      enableGetChoices={() => !!communityId}
    >
      <AutocompleteInput
        optionText="name"
        disabled={!communityId}
        helperText={communityId ? false : translate('whistle.whistleForm.pickCommunityFirst')}
        noOptionsText={translate('whistle.whistleForm.noGrids')}
      />
    </ReferenceInput>
  );
}
