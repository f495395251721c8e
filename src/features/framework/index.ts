export {
  defaultContentDir,
  FrameworkError,
  listFrameworkVersions,
  loadFramework,
} from './framework-loader.ts';
export {
  carriedQuestions,
  mappingKinds,
  mappingProblems,
  type CarriedQuestion,
  type MappingFile,
  type MappingKind,
} from './framework-mapping.ts';
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
