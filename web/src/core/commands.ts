// Typed commands between features: a feature defines a command and handles it; others run it
// through the registry without the core knowing either by name (search runs "select node",
// which the selection feature handles).

export interface Command<A extends unknown[]> {
  readonly name: string;
  /** Carries the argument types; never set. */
  readonly args?: A;
}

export function defineCommand<A extends unknown[]>(name: string): Command<A> {
  return { name };
}

type Handler = (...args: never[]) => void | Promise<void>;

export class Commands {
  private readonly handlers = new Map<Command<never>, Handler>();

  handle<A extends unknown[]>(command: Command<A>, handler: (...args: A) => void | Promise<void>): void {
    if (this.handlers.has(command as Command<never>)) throw new Error(`command ${command.name} has two handlers`);
    this.handlers.set(command as Command<never>, handler as unknown as Handler);
  }

  has(command: Command<never>): boolean {
    return this.handlers.has(command);
  }

  /** Runs a command; one that no registered feature handles does nothing. */
  async run<A extends unknown[]>(command: Command<A>, ...args: A): Promise<void> {
    const handler = this.handlers.get(command as Command<never>) as ((...a: A) => void | Promise<void>) | undefined;
    await handler?.(...args);
  }
}
