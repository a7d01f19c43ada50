import { defineModule } from '../../platform/module.js';

/** Invoices and credit notes: legal numbering, PDF, kept ten years (being built: issue 10). */
export const invoicesModule = defineModule({ name: 'invoices' });
