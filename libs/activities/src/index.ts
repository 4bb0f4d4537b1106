export { createCaseActivities, type CaseActivityDeps } from './case-activities';
