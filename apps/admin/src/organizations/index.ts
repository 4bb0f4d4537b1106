import ApartmentIcon from '@mui/icons-material/Apartment';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationEdit } from './OrganizationEdit';
import { OrganizationList } from './OrganizationList';

export default { list: OrganizationList, create: OrganizationCreate, edit: OrganizationEdit, icon: ApartmentIcon, recordRepresentation: 'name' };
