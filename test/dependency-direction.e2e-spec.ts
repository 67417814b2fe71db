import { ESLint } from 'eslint';
import { join } from 'node:path';
import { folderGraph } from '../scripts/folder-cycles';

const ROOT = join(__dirname, '..');
const RULE = 'layers/dependency-direction';

describe('dependency direction (lint rule layers/dependency-direction)', () => {
  let layers: typeof import('../eslint/dependency-direction.mjs');
  /** The messages of the rule alone on `code`, as if it were `file`. */
  let lint: (file: string, code: string) => Promise<string[]>;

  beforeAll(async () => {
    layers = await import('../eslint/dependency-direction.mjs');
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfigFile: true,
      overrideConfig: {
        files: ['**/*.ts'],
        plugins: { layers: layers.default },
        rules: { [RULE]: 'error' },
      },
    });
    lint = async (file, code) => {
      const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
      return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
    };
  });

  it('should be on, as an error, for the code of src/ in the project config (npm run lint)', async () => {
    const config = (await new ESLint({ cwd: ROOT }).calculateConfigForFile(
      join(ROOT, 'src/delivery/delivery.service.ts'),
    )) as { rules: Record<string, unknown> };

    expect(config.rules[RULE]).toEqual([2]);
  });

  it('should fail an import against the direction, at any depth of the folder', async () => {
    const code = "import { EventsModule } from '../../events/events.module';\n";

    expect(await lint('src/delivery/messages/probe.ts', code)).toEqual([
      `${RULE}: delivery/ may not import events/: dependencies point one way (docs/architecture.md, "Dependency direction")`,
    ]);
  });

  it.each([
    ['src/store/probe.ts', "export { StoreConfig } from '../protection/protection.config';"],
    ['src/common/probe.ts', "const m = import('../auth/header-auth');"],
    ['src/providers/kit/probe.ts', "import '../../config/app.config';"],
  ])('should fail every kind of import against the direction (%s)', async (file, code) => {
    expect(await lint(file, code)).toEqual([expect.stringContaining(`${RULE}: `)]);
  });

  it('should pass imports along the direction, inside a folder and from packages', async () => {
    const code = [
      "import { DeliveryService } from '../delivery/delivery.service';",
      "import { maskPhone } from '../phone/phone-number';",
      "import { HookConfig } from './hook.config';",
      "import { Injectable } from '@nestjs/common';",
    ].join('\n');

    expect(await lint('src/hook/probe.ts', code)).toEqual([]);
  });

  it('should place every folder of src/ in a layer, and allow every import src/ has', () => {
    const graph = folderGraph();
    const against = [...graph].flatMap(([from, to]) =>
      [...to]
        .filter((t) => from !== '.' && !layers.MAY_IMPORT[from]?.includes(t))
        .map((t) => `${from} → ${t}`),
    );

    expect([...graph.keys()].filter((f) => f !== '.' && !(f in layers.MAY_IMPORT))).toEqual([]);
    expect(against).toEqual([]);
  });
});
