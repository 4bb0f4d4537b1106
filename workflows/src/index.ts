// The bundle the worker loads: every workflow type Whistle runs.
export { caseWorkflow } from './case.workflow';
