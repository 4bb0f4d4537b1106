import CampaignIcon from '@mui/icons-material/Campaign';
import { createElement } from 'react';
import { Route } from 'react-router-dom';
import { CaseCreate } from './CaseCreate';
import { CaseList } from './CaseList';
import { CasePrint } from './CasePrint';
import { CaseShow } from './CaseShow';

export default {
  list: CaseList,
  show: CaseShow,
  create: CaseCreate,
  icon: CampaignIcon,
  // The printable case sheet (派单单), a page of its own under the case.
  children: createElement(Route, { path: ':id/print', element: createElement(CasePrint) }),
};
