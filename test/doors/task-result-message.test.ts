import { taskResultMessage } from '../../src/doors/task/result-message.js';

// What the Azure DevOps timeline shows as the reason a failed apim-gogs step failed.
describe('taskResultMessage', () => {
  test.each([
    [
      1,
      { drift: true },
      'Live APIM differs from the commit (drift): see the drift report above. (exit code 1)',
    ],
    [1, { drift: false }, 'Validation found problems: see the issues above. (exit code 1)'],
    [2, {}, 'An input or the configuration is wrong: see the error above. (exit code 2)'],
    [
      3,
      {},
      'The deployment failed and was rolled back: APIM is as it was (see the error above). (exit code 3)',
    ],
    [
      4,
      {},
      'The deployment failed and was NOT fully rolled back: see the summary for what is left changed. (exit code 4)',
    ],
    [5, {}, 'apim-gogs failed unexpectedly (a bug): see the error above. (exit code 5)'],
  ])('exit code %i %j', (code, facts, message) => {
    expect(taskResultMessage(code, facts)).toBe(message);
  });
});
