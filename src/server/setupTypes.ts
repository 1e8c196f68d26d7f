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
  warnings: string[];
}
