/** Builds the renderer once for the whole end-to-end run (each test file would otherwise build it again). */
import { buildRendererOnce } from '../harness/build';

export default async function setup(): Promise<void> {
  await buildRendererOnce();
}
