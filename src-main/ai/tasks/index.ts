/** The tasks, by the engine method that runs each. */
import { answerQuestionTask } from './answer-question';
import { describeChangeTask } from './describe-change';
import { explainTask } from './explain';
import { extractFieldsTask } from './extract-fields';
import { interpretQuestionTask } from './interpret-question';
import { recommendRolesTask } from './recommend-roles';
import { type Resolver, resolveEntityTask } from './resolve-entity';

export function createTasks(resolver?: Resolver) {
  return {
    extractFields: extractFieldsTask,
    resolve: resolveEntityTask(resolver),
    recommendRoles: recommendRolesTask,
    interpretQuestion: interpretQuestionTask,
    explain: explainTask,
    answerQuestion: answerQuestionTask,
    describeChange: describeChangeTask,
  };
}
export type Tasks = ReturnType<typeof createTasks>;
export type TaskName = keyof Tasks;
