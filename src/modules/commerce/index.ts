import { defineModule } from '../../platform/module.js';

/** Cart, checkout, payments, orders (being built: issue 10). */
export const commerceModule = defineModule({ name: 'commerce' });
