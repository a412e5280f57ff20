export function resolveChromium(): Promise<{
  executablePath: string | undefined;
  source: 'environment' | 'debian' | 'playwright';
}>;
export const QUIET_CHROMIUM_ARGS: string[];
