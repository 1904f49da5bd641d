// @vitest-environment node
/**
 * The import boundaries the README states, checked through the project's own ESLint config: if a rule were lost
 * or mis-scoped, these imports would lint clean and the test would fail.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  it.each([
    [
      'a feature importing another feature',
      'src/features/invites/components/x.tsx',
      "import '@/features/events/api/get-event';",
    ],
    [
      'the travelers feature importing the invite form',
      'src/features/travelers/components/x.tsx',
      "import '@/features/invites';",
    ],
    [
      'the send history importing the travelers feature by a relative path',
      'src/features/send-history/components/x.tsx',
      "import '../../travelers/api/list-users';",
    ],
    [
      'the app importing a feature file instead of its index',
      'src/app/routes/x.tsx',
      "import '@/features/travelers/components/traveler-picker';",
    ],
    ['shared types importing a feature', 'src/types/x.ts', "import '@/features/invites';"],
    ['a feature importing the app layer', 'src/features/events/components/x.tsx', "import '@/app/router';"],
    [
      'shared components importing a feature',
      'src/components/x.tsx',
      "import '@/features/invites/api/send-invite';",
    ],
    ['the API client importing a feature', 'src/lib/x.ts', "import '../features/events/api/get-event';"],
    [
      'a feature importing server code',
      'src/features/invites/api/x.ts',
      "import '../../../../server/config.ts';",
    ],
    ['the app importing the sandbox', 'src/app/x.tsx', "import '../../sandbox/seed/seed-ids.ts';"],
    ['the app importing the sandbox database', 'src/app/x.tsx', "import Database from 'better-sqlite3';"],
    ['shared code importing Node', 'src/lib/x.ts', "import { readFileSync } from 'node:fs';"],
    [
      'a feature importing another by a relative path',
      'src/features/invites/components/x.tsx',
      "import '../../events/api/get-event';",
    ],
    [
      'a feature importing a Node module by its bare name',
      'src/features/events/api/x.ts',
      "import { readFileSync } from 'fs';",
    ],
    [
      'a feature importing the console database',
      'src/features/invites/api/x.ts',
      "import { Kysely } from 'kysely';",
    ],
  ])(
    'refuses %s',
    async (_what, filePath, code) => {
      expect(await restrictedImports(filePath, code)).toHaveLength(1);
    },
    30_000,
  );

  it.each([
    [
      'the app composing features through their indexes',
      'src/app/routes/x.tsx',
      "import '@/features/events';\nimport '@/features/invites';\nimport '@/features/travelers';",
    ],
    [
      'a feature using shared code and the contract',
      'src/features/invites/components/x.tsx',
      "import '@/components/labels';\nimport '#contract';",
    ],
  ])(
    'allows %s',
    async (_what, filePath, code) => {
      expect(await restrictedImports(filePath, code)).toEqual([]);
    },
    30_000,
  );
});
