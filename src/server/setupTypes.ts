// What "Set up tracker" is asked to do and what it reports.
export interface SetupOptions {
  template?: string;
  start?: string;
  weeks?: number;
  name?: string;
}

export interface SetupReport {
  created: string[];
  restored: string[];
  /** Formulas an earlier version of the add-on wrote, now this version's (not damage: nobody changed them). */
  updated: string[];
  warnings: string[];
}
