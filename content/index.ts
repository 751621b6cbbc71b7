import { logger } from '../src/logger';
import { startContentScript } from './start-content-script';

startContentScript().catch((error: unknown) => logger.warn('Content script could not start', error));
