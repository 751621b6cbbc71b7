import { installRouter } from './install-router';

installRouter();
