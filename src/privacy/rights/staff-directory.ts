/** A staff member as a person whose data they read is told: their name and role in the back office. */
export interface StaffDescription {
  name: string;
  role: string;
}

type Describe = (ids: readonly string[]) => Promise<Map<string, StaffDescription>>;

/**
 * Who a staff id is, for the people whose data staff read ("who accessed my data", and the
 * export). The back office, which owns staff accounts, provides it when its services are built;
 * without a back office, no one is described (and no staff read anything).
 */
export class StaffDirectory {
  private describeWith: Describe | undefined;

  provide(describe: Describe): void {
    this.describeWith = describe;
  }

  async describe(ids: readonly string[]): Promise<Map<string, StaffDescription>> {
    const unique = [...new Set(ids)];
    if (!this.describeWith || unique.length === 0) return new Map();
    return this.describeWith(unique);
  }
}
