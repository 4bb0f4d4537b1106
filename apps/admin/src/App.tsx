import { FEEDBACK_PAGE_ROUTE, type Role } from '@whistle/domain';
import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { ChangePasswordPage } from './auth/ChangePasswordPage';
import { seesAnyCase } from './auth/seesCases';
import { CHANGE_PASSWORD_PATH } from './authProvider';
import audit from './audit';
import { Board } from './board/Board';
import { BOARD_PATH, seesBoard } from './board/board-route';
import { authProvider } from './authProvider';
import cases from './cases';
import categories from './categories';
import { Dashboard } from './dashboard/Dashboard';
import { MonthlyReportPage } from './dashboard/insight/MonthlyReportPage';
import { MONTHLY_REPORT_PATH, readsReports } from './dashboard/insight/monthly-report-route';
import { ResidentFeedbackPage } from './feedback/ResidentFeedbackPage';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n/i18nProvider';
import { AppLayout } from './layout/AppLayout';
import { whistleDarkTheme, whistleLightTheme } from './layout/theme';
import notifications from './notifications';
import organizations from './organizations';
import ruleSets from './rule-sets';
import { RoutingTable } from './rule-sets/routing/RoutingTable';
import { ROUTING_PATH, seesRouting } from './rule-sets/routing/routing-route';
import users from './users';

/** Resources follow the signed-in user's roles; the API enforces the same rules. */
export function App() {
  return (
    <Admin
      title="Whistle"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={AppLayout}
      lightTheme={whistleLightTheme}
      darkTheme={whistleDarkTheme}
      disableTelemetry
    >
      {/* The resident's page behind a feedback link: no sign-in, no console around it. */}
      <CustomRoutes noLayout>
        <Route path={FEEDBACK_PAGE_ROUTE} element={<ResidentFeedbackPage />} />
      </CustomRoutes>
      {(roles: Role[]) => {
        const isAdmin = roles.includes('admin');
        const mayWhistle = roles.includes('coordinator') || roles.includes('community');
        const readsRules = isAdmin || roles.includes('coordinator') || roles.includes('leader');
        // Registered for everyone (references name cases), listed in the menu only for those who can see one.
        const seesCases = seesAnyCase();
        return (
          <>
            <Resource name="cases" {...cases} list={seesCases ? cases.list : undefined} create={mayWhistle ? cases.create : undefined} />
            <Resource name="notifications" {...notifications} />
            <Resource
              name="organizations"
              {...organizations}
              create={isAdmin ? organizations.create : undefined}
              edit={isAdmin ? organizations.edit : undefined}
            />
            {readsRules ? (
              <Resource name="rule-sets" {...ruleSets} create={isAdmin ? ruleSets.create : undefined} edit={isAdmin ? ruleSets.edit : undefined} />
            ) : null}
            {isAdmin ? <Resource name="categories" {...categories} /> : null}
            {isAdmin ? <Resource name="users" {...users} /> : null}
            {isAdmin ? <Resource name="audit" {...audit} /> : null}
            <CustomRoutes>
              <Route path={CHANGE_PASSWORD_PATH} element={<ChangePasswordPage />} />
              {seesBoard(roles) ? <Route path={BOARD_PATH} element={<Board />} /> : null}
              {seesRouting(roles) ? <Route path={ROUTING_PATH} element={<RoutingTable />} /> : null}
              {readsReports(roles) ? <Route path={MONTHLY_REPORT_PATH} element={<MonthlyReportPage />} /> : null}
            </CustomRoutes>
          </>
        );
      }}
    </Admin>
  );
}
