import CampaignIcon from '@mui/icons-material/Campaign';
import { CaseCreate } from './CaseCreate';
import { CaseList } from './CaseList';
import { CaseShow } from './CaseShow';

export default { list: CaseList, show: CaseShow, create: CaseCreate, icon: CampaignIcon };
