import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { loginSchema, type Actor } from '@whistle/domain';
import { z } from 'zod';
import { ZodBody } from '../common/zod-body.pipe';
import { CurrentActor, Public } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange a username and password for a bearer token (after 10 failures a minute for one account from one address: 429)' })
  @ApiBody({ schema: z.toJSONSchema(loginSchema) as object })
  login(@Body(new ZodBody(loginSchema)) body: z.infer<typeof loginSchema>, @Ip() ip: string) {
    return this.auth.login(body.username, body.password, ip);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to' })
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
