import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { API_KEY_ROLES, type ApiKeyRole } from './api-key-role';
import type { ApiKeyEntity } from './api-key.entity';

export class CreateApiKeyRequest {
  @ApiProperty({ enum: API_KEY_ROLES, example: 'submitter' })
  @IsIn(API_KEY_ROLES)
  role!: ApiKeyRole;

  @ApiPropertyOptional({
    description: 'A label to tell keys apart (no PHI).',
    example: 'billing workstation 3',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name?: string;
}

export class ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'x12gw_live_Ab3dE6gH', description: 'The visible start of the key.' })
  prefix!: string;
  @ApiProperty({ enum: API_KEY_ROLES }) role!: ApiKeyRole;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) revokedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastUsedAt!: string | null;

  static of(entity: ApiKeyEntity): ApiKeyView {
    return {
      id: entity.id,
      prefix: entity.prefix,
      role: entity.role,
      name: entity.name,
      createdAt: entity.createdAt.toISOString(),
      revokedAt: entity.revokedAt?.toISOString() ?? null,
      lastUsedAt: entity.lastUsedAt?.toISOString() ?? null,
    };
  }
}

export class CreatedApiKeyView extends ApiKeyView {
  @ApiProperty({ description: 'The whole key. Shown once: store it now, it cannot be retrieved again.' })
  key!: string;
}

export class ApiKeyListView {
  @ApiProperty({ type: [ApiKeyView] }) items!: ApiKeyView[];
}
