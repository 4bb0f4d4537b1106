import { Typography } from '@mui/material';
import { ReferenceField, TextField } from 'react-admin';
import { LeadUnitField } from './LeadUnitField';

/** Where a case comes from and who leads it, a line each: the lines every case card (list, board) shows. */
export function CaseParties() {
  return (
    <>
      <Typography variant="body2" color="text.secondary" component="div">
        <ReferenceField source="communityId" reference="organizations" link={false}>
          <TextField source="name" />
        </ReferenceField>
      </Typography>
      <Typography variant="body2" component="div">
        <LeadUnitField />
      </Typography>
    </>
  );
}
