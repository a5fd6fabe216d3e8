/** One schema step. Statements run in order, one at a time, inside the migration transaction. */
export interface Migration {
  /** 1, 2, 3 … with no gaps. */
  readonly version: number;
  /** Short kebab-case name, recorded in schema_migrations. */
  readonly name: string;
  /** One SQL statement each (no multi-statement strings: the embedded driver refuses them). */
  readonly statements: readonly string[];
}
