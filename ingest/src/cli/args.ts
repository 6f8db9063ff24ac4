/** What every command receives from the command line (its own file, so commands and main.ts do not import each other). */
export type CommandArgs = { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> };
