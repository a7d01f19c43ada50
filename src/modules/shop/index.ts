import { defineModule } from '../../platform/module.js';
import * as shopSettings from './migrations/20261125_03_shop_settings.js';
import { shopData } from './privacy.js';

/** The business itself: its identity and settings. */
export const shopModule = defineModule({
  name: 'shop',
  migrations: { '20261125_03_shop_settings': shopSettings },
  data: [shopData],
});
