import { createInterface } from 'node:readline';

/**
 * Reads a secret from the terminal without showing it (and asks twice when `confirm` is given),
 * or, when standard input is not a terminal (a script, a test), reads its first line.
 */
export async function readSecret(prompt: string, options: { confirm?: string } = {}): Promise<string> {
  if (!process.stdin.isTTY) return firstLine();
  const first = await askHidden(prompt);
  if (options.confirm && (await askHidden(options.confirm)) !== first)
    throw new Error('The two passwords differ. Nothing was created.');
  return first;
}

function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    // Echo nothing of what is typed (readline writes each key through _writeToOutput).
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) => {
      if (text.startsWith(prompt)) process.stdout.write(prompt);
    };
    rl.question(prompt, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

async function firstLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}
