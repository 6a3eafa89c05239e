import { ConfigModule } from '@nestjs/config';
import { appConfig } from './configuration';

export const LecternConfigModule = ConfigModule.forRoot({
  isGlobal: true,
  ignoreEnvFile: true,
  load: [appConfig],
});
