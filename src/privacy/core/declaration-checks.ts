import type { TableDeclaration } from './data-declaration.js';

/**
 * What the compiler checks of a declaration against the module's table interfaces. Each problem
 * becomes a required property named after it, so a mistake reads as, for instance:
 *   Property '"accounts_members.bio is not declared: add it to columns or nonPersonal"' is missing
 * A misspelt column elsewhere (a subject link, a retention's `from`, a non-personal column) is
 * not one of the table's column names, which the declaration's types already refuse.
 */

/** The columns of a row type, as a Kysely table interface names them. */
export type ColumnOf<Row> = Extract<keyof Row, string>;

/** Every table of `Tables`, each declared with its own column names. */
export type DeclarationOf<Tables> = { readonly [K in keyof Tables]: TableDeclaration<ColumnOf<Tables[K]>> };

type ColumnsOf<D> = D extends { readonly columns: infer Columns } ? Columns : Record<never, never>;
type PersonalOf<D> = Extract<keyof ColumnsOf<D>, string>;
type NonPersonalOf<D> = D extends { readonly nonPersonal: readonly (infer N)[] } ? N : never;
/** Those of `C` that can never be NULL in the row. */
type NotNullable<Row, C> = C extends keyof Row ? (null extends Row[C] ? never : C) : never;

type WhereColumn<D, Test> = { [C in PersonalOf<D>]: ColumnsOf<D>[C] extends Test ? C : never }[PersonalOf<D>];
/** Rows an erasure keeps: the table pseudonymizes, or one of its columns is held. */
type KeepsRows<D> = D extends { readonly erase: 'pseudonymize' }
  ? true
  : [WhereColumn<D, { readonly erase: { readonly hold: string } }>] extends [never]
    ? false
    : true;
type Unsaid<D> = Exclude<PersonalOf<D>, WhereColumn<D, { readonly erase: object }>>;

type TableProblems<Table extends string, Row, D> =
  | `${Table}.${Exclude<ColumnOf<Row>, PersonalOf<D> | NonPersonalOf<D>>} is not declared: add it to columns or nonPersonal`
  | `${Table}.${Exclude<PersonalOf<D>, ColumnOf<Row>>} is not a column of the table`
  | `${Table}.${Extract<PersonalOf<D>, NonPersonalOf<D>>} is declared both personal and non-personal`
  | `${Table}.${NotNullable<Row, WhereColumn<D, { readonly retention: object }>>} has a retention of its own, but cannot be emptied (it is never NULL)`
  | `${Table}.${NotNullable<Row, WhereColumn<D, { readonly erase: { readonly pseudonymize: null } }>>} cannot become NULL on erasure`
  | `${Table}.${KeepsRows<D> extends true ? NotNullable<Row, Unsaid<D>> : never} stays in a row kept on erasure but cannot be emptied: say what it becomes (erase: { pseudonymize: … })`;

type Problems<Tables, D> =
  | { [K in keyof Tables & keyof D & string]: TableProblems<K, Tables[K], D[K]> }[keyof Tables & keyof D & string]
  | `${Exclude<keyof D & string, keyof Tables>} is not one of the module's tables`;

/** `unknown` when the declaration is complete; otherwise one required property per problem. */
export type Checked<Tables, D> = [Problems<Tables, D>] extends [never] ? unknown : { [P in Problems<Tables, D>]: P };
