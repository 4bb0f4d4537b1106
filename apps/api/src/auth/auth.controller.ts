import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { changePasswordSchema, loginSchema, type Actor, type ChangePasswordRequest } from '@whistle/domain';
import { z } from 'zod';
import { ZodBody } from '../common/zod-body.pipe';
import { CurrentActor, OpenBeforePasswordChange, Public } from './auth.decorators';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Exchange a username and password for a bearer token. After 10 failures on one account (from anywhere), or 30 from one address, 429 with Retry-After, for a lock that doubles with each further failure (1 min to 15 min). `mustChangePassword: true`: the token opens only POST /auth/password and /auth/logout.',
  })
  @ApiBody({ schema: z.toJSONSchema(loginSchema) as object })
  login(@Body(new ZodBody(loginSchema)) body: z.infer<typeof loginSchema>, @Ip() ip: string) {
    return this.auth.login(body.username, body.password, ip);
  }

  @Post('password')
  @HttpCode(200)
  @OpenBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: "Change one's own password (ends every other session; answers a fresh token)" })
  @ApiBody({ schema: z.toJSONSchema(changePasswordSchema) as object })
  changePassword(@Body(new ZodBody(changePasswordSchema)) body: ChangePasswordRequest, @CurrentActor() actor: Actor, @Ip() ip: string) {
    return this.auth.changePassword(actor, body.currentPassword, body.newPassword, ip);
  }

  @Post('logout')
  @HttpCode(204)
  @OpenBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Sign out: every token of this user stops working at once' })
  async logout(@CurrentActor() actor: Actor): Promise<void> {
    await this.auth.logout(actor);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the token belongs to' })
  me(@CurrentActor() actor: Actor) {
    return actor;
  }
}
