export {
  defaultContentDir,
  FrameworkError,
  listFrameworkVersions,
  loadFramework,
} from './framework-loader.ts';
export { carriedQuestions, mappingProblems, type CarriedQuestion } from './framework-mapping.ts';
export {
  checkMappings,
  comparableQuestions,
  findQuestion,
  getFramework,
  latestFrameworkVersion,
  localise,
  registerFrameworks,
  themesOfPillar,
  type RegisteredFramework,
} from './framework.service.ts';
export * from './framework.schemas.ts';
export { frameworkVersions } from './framework.tables.ts';
export {
  fallbackGenericTaskId,
  genericTaskIds,
  isActionFor,
  taskNeeds,
  type TaskNeed,
} from './task-needs.ts';
