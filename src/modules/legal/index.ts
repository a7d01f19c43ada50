import { defineModule } from '../../platform/module.js';

/** The legal notice and the terms of sale, from the shop's settings (being built: issue 10). */
export const legalModule = defineModule({ name: 'legal' });
