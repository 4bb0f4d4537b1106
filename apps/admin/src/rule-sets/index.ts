import RuleIcon from '@mui/icons-material/Rule';
import { RuleSetCreate } from './RuleSetCreate';
import { RuleSetEdit } from './RuleSetEdit';
import { RuleSetList } from './RuleSetList';
import { RuleSetShow } from './RuleSetShow';

export default { list: RuleSetList, show: RuleSetShow, create: RuleSetCreate, edit: RuleSetEdit, icon: RuleIcon, recordRepresentation: 'name' };
