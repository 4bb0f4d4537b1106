import ApartmentIcon from '@mui/icons-material/Apartment';
import { OrganizationCreate } from './OrganizationCreate';
import { OrganizationList } from './OrganizationList';

export default { list: OrganizationList, create: OrganizationCreate, icon: ApartmentIcon, recordRepresentation: 'name' };
