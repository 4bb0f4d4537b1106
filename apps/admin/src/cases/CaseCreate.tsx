import CampaignIcon from '@mui/icons-material/Campaign';
import { useRef } from 'react';
import {
  Create,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  regex,
  required,
  useNotify,
  useRedirect,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { failedUploads } from '../attachments/attachmentRefusal';
import { uploadAll, type PickedFile } from '../attachments/attachmentsApi';
import { EvidenceFilesInput, FILES_FIELD } from '../attachments/EvidenceFilesInput';
import { currentActor } from '../auth/session';
import { channelChoices, urgencyChoices } from './choices';
import { CategoryInput } from './whistle/CategoryInput';
import { CommunityInput } from './whistle/CommunityInput';
import { GridInput } from './whistle/GridInput';
import { whistleRequest } from './whistle/whistleRequest';
import { LocationInput } from '../places/LocationInput';

const phone = regex(/^\+?[0-9][0-9 -]{5,19}$/, 'must be a phone number');

/**
 * Blow the whistle: a community (or a coordinator) raises a case to the street. A community user's community is
 * their own, fixed; the grid is one of that community's; the categories are the directory's. Where the problem is may
 * be typed (the address) or picked on the map (the point), or both.
 */
export function CaseCreate() {
  const actor = currentActor();
  const ownCommunity = actor?.roles.includes('community') && actor.organizationId ? actor.organizationId : null;
  const defaults = { channel: 'grid_member', urgency: 'normal', communityId: ownCommunity ?? undefined };
  const notify = useNotify();
  const redirect = useRedirect();
  const translate = useTranslate();
  // The photos are not part of the whistle: they go up, one by one, as soon as the case is open.
  const photos = useRef<PickedFile[] | undefined>(undefined);
  const request = ({ [FILES_FIELD]: files, ...values }: Record<string, unknown>) => {
    photos.current = files as PickedFile[] | undefined;
    return whistleRequest(values);
  };
  const opened = async (data: RaRecord) => {
    const failed = await uploadAll(String(data.id), 'whistle', null, photos.current);
    notify('ra.notification.created', { type: 'info', messageArgs: { smart_count: 1 } });
    if (failed.length) notify('whistle.attachments.uploadFailed', { type: 'warning', messageArgs: { files: failedUploads(failed, translate) } });
    redirect('show', 'cases', data.id);
  };
  return (
    <Create title="whistle.whistleForm.title" transform={request} mutationOptions={{ onSuccess: opened }}>
      <SimpleForm defaultValues={defaults} toolbar={<WhistleToolbar />}>
        <TextInput source="title" validate={[required(), maxLength(200)]} fullWidth />
        <TextInput source="description" validate={[required(), maxLength(5000)]} multiline minRows={3} fullWidth />
        <CategoryInput />
        <CommunityInput fixedCommunityId={ownCommunity} />
        <GridInput />
        <TextInput source="address" validate={maxLength(300)} fullWidth />
        <LocationInput />
        <TextInput source="reporter.name" validate={[required(), maxLength(100)]} />
        <TextInput source="reporter.phone" validate={[required(), phone]} />
        <SelectInput source="channel" choices={channelChoices} validate={required()} />
        <SelectInput source="urgency" choices={urgencyChoices} validate={required()} />
        <EvidenceFilesInput label="whistle.attachments.photosInput" />
      </SimpleForm>
    </Create>
  );
}

/** The form's one action says what it does: blow the whistle (吹哨). */
function WhistleToolbar() {
  return (
    <Toolbar>
      <SaveButton label="whistle.whistleForm.submit" icon={<CampaignIcon />} />
    </Toolbar>
  );
}
