// Admin API shapes. Requests carry the credential (write-only); views never do: they say which method is
// configured and that a secret is set, and show the pinned host-key fingerprint.
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { DEFAULT_FILE_NAME_PATTERN, FILE_NAME_PLACEHOLDERS } from './file-name';
import {
  INBOUND_DISPOSALS,
  PARTNER_AUTH_METHODS,
  type InboundDisposal,
  type PartnerAuthMethod,
  type TradingPartnerEntity,
} from './trading-partner.entity';
import type {
  PartnerCredentialInput,
  TradingPartnerInput,
  TradingPartnerPatch,
} from './trading-partner.input';
import { MAX_CLAIMS_PER_FILE, MAX_CLAIMS_PER_TRANSACTION } from './trading-partner.rules';

const MAX_SECRET = 16_384;

export class PartnerCredentialRequest {
  @ApiProperty({ enum: PARTNER_AUTH_METHODS, example: 'private-key' })
  @IsIn(PARTNER_AUTH_METHODS)
  method!: PartnerAuthMethod;

  @ApiPropertyOptional({ description: 'With method password. Write-only: never returned.', writeOnly: true })
  @ValidateIf((o: PartnerCredentialRequest) => o.method === 'password' || o.password !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SECRET)
  password?: string;

  @ApiPropertyOptional({
    description:
      'With method private-key: an unencrypted OpenSSH or PEM private key. Write-only: never returned.',
    writeOnly: true,
  })
  @ValidateIf((o: PartnerCredentialRequest) => o.method === 'private-key' || o.privateKey !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_SECRET)
  privateKey?: string;
}

export class PartnerDelimitersRequest {
  @ApiProperty({ example: '*', description: 'Element separator (ISA 4th character).' })
  @IsString()
  @Length(1, 1)
  element!: string;

  @ApiProperty({ example: '^', description: 'Repetition separator (ISA11).' })
  @IsString()
  @Length(1, 1)
  repetition!: string;

  @ApiProperty({ example: ':', description: 'Component separator (ISA16).' })
  @IsString()
  @Length(1, 1)
  component!: string;

  @ApiProperty({ example: '~', description: 'Segment terminator.' })
  @IsString()
  @Length(1, 1)
  segment!: string;
}

export class CreateTradingPartnerRequest {
  @ApiProperty({ example: 'Acme Health Plan', maxLength: 60 })
  @IsString()
  @Length(1, 60)
  name!: string;

  @ApiProperty({
    type: [String],
    example: ['ACME1'],
    description: 'Payer ids whose claims go to this partner.',
  })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  payerIds!: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ example: 'sftp.acme-health.example' })
  @IsString()
  @Length(1, 255)
  host!: string;

  @ApiPropertyOptional({ default: 22 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  port?: number;

  @ApiProperty({ example: 'gateway' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty({ type: PartnerCredentialRequest })
  @IsDefined()
  @ValidateNested()
  @Type(() => PartnerCredentialRequest)
  credential!: PartnerCredentialRequest;

  @ApiProperty({
    example: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8',
    description: 'Pinned host key.',
  })
  @IsString()
  @Length(1, 100)
  hostKeyFingerprint!: string;

  @ApiProperty({ example: 'outbound' })
  @IsString()
  @Length(1, 500)
  outboundDir!: string;

  @ApiProperty({ example: 'inbound' })
  @IsString()
  @Length(1, 500)
  inboundDir!: string;

  @ApiPropertyOptional({
    default: DEFAULT_FILE_NAME_PATTERN,
    description: `Placeholders ${FILE_NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}; must contain {isa13} or {transmission}; other characters A-Z a-z 0-9 . _ -`,
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  fileNamePattern?: string;

  @ApiPropertyOptional({ enum: INBOUND_DISPOSALS, default: 'delete' })
  @IsOptional()
  @IsIn(INBOUND_DISPOSALS)
  inboundDisposal?: InboundDisposal;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Required when inboundDisposal is move.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  inboundArchiveDir?: string | null;

  @ApiPropertyOptional({
    default: true,
    description: 'false: write the final name directly plus a .done marker.',
  })
  @IsOptional()
  @IsBoolean()
  renameAllowed?: boolean;

  @ApiPropertyOptional({
    default: 10_485_760,
    description: 'Uploads smaller than this are read back and hashed.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_147_483_647)
  verifyHashBelowBytes?: number;

  @ApiProperty({ example: 'ZZ', description: 'ISA05' })
  @IsString()
  isaSenderQualifier!: string;

  @ApiProperty({ example: 'GATEWAY01', description: 'ISA06' })
  @IsString()
  isaSenderId!: string;

  @ApiProperty({ example: 'ZZ', description: 'ISA07' })
  @IsString()
  isaReceiverQualifier!: string;

  @ApiProperty({ example: 'ACMEHP', description: 'ISA08' })
  @IsString()
  isaReceiverId!: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'GS02; defaults to ISA06.' })
  @IsOptional()
  @IsString()
  gsSenderCode?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'GS03; defaults to ISA08.' })
  @IsOptional()
  @IsString()
  gsReceiverCode?: string | null;

  @ApiPropertyOptional({ enum: ['T', 'P'], default: 'T', description: 'ISA15' })
  @IsOptional()
  @IsIn(['T', 'P'])
  usageIndicator?: 'T' | 'P';

  @ApiPropertyOptional({ default: true, description: 'ISA14: ask for a TA1.' })
  @IsOptional()
  @IsBoolean()
  acknowledgmentRequested?: boolean;

  @ApiPropertyOptional({ type: PartnerDelimitersRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartnerDelimitersRequest)
  delimiters?: PartnerDelimitersRequest;

  @ApiPropertyOptional({ default: MAX_CLAIMS_PER_TRANSACTION, maximum: MAX_CLAIMS_PER_TRANSACTION })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CLAIMS_PER_TRANSACTION)
  maxClaimsPerTransaction?: number;

  @ApiPropertyOptional({ default: MAX_CLAIMS_PER_TRANSACTION, maximum: MAX_CLAIMS_PER_FILE })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_CLAIMS_PER_FILE)
  maxClaimsPerFile?: number;

  @ApiPropertyOptional({ default: true, description: 'false: a file may hold several interchanges.' })
  @IsOptional()
  @IsBoolean()
  oneInterchangePerFile?: boolean;
}

/** Any subset of the create fields; `credential` replaces the stored secret. */
export class UpdateTradingPartnerRequest extends PartialType(CreateTradingPartnerRequest) {}

function credentialOf(request: PartnerCredentialRequest): PartnerCredentialInput {
  return request.method === 'password'
    ? { method: 'password', password: request.password ?? '' }
    : { method: 'private-key', privateKey: request.privateKey ?? '' };
}

export function toPartnerInput(request: CreateTradingPartnerRequest): TradingPartnerInput {
  return {
    ...request,
    credential: credentialOf(request.credential),
    delimiters: request.delimiters && { ...request.delimiters },
  };
}

export function toPartnerPatch(request: UpdateTradingPartnerRequest): TradingPartnerPatch {
  const { credential, delimiters, ...rest } = request;
  const patch: TradingPartnerPatch = { ...rest };
  if (credential !== undefined) patch.credential = credentialOf(credential);
  if (delimiters !== undefined) patch.delimiters = { ...delimiters };
  return patch;
}

export class PartnerCredentialView {
  @ApiProperty({ enum: PARTNER_AUTH_METHODS }) method!: PartnerAuthMethod;
  @ApiProperty({ description: 'Always true: a secret is stored (encrypted). It is never returned.' })
  set!: true;
}

export class PartnerDelimitersView extends PartnerDelimitersRequest {}

export class TradingPartnerView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'true for a partner shared by every organisation (read-only here).' })
  shared!: boolean;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) payerIds!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty() host!: string;
  @ApiProperty() port!: number;
  @ApiProperty() username!: string;
  @ApiProperty({ type: PartnerCredentialView }) credential!: PartnerCredentialView;
  @ApiProperty() hostKeyFingerprint!: string;
  @ApiProperty() outboundDir!: string;
  @ApiProperty() inboundDir!: string;
  @ApiProperty() fileNamePattern!: string;
  @ApiProperty({ enum: INBOUND_DISPOSALS }) inboundDisposal!: InboundDisposal;
  @ApiProperty({ nullable: true, type: String }) inboundArchiveDir!: string | null;
  @ApiProperty() renameAllowed!: boolean;
  @ApiProperty() verifyHashBelowBytes!: number;
  @ApiProperty() isaSenderQualifier!: string;
  @ApiProperty() isaSenderId!: string;
  @ApiProperty() isaReceiverQualifier!: string;
  @ApiProperty() isaReceiverId!: string;
  @ApiProperty({ nullable: true, type: String }) gsSenderCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) gsReceiverCode!: string | null;
  @ApiProperty({ enum: ['T', 'P'] }) usageIndicator!: 'T' | 'P';
  @ApiProperty() acknowledgmentRequested!: boolean;
  @ApiProperty({ type: PartnerDelimitersView }) delimiters!: PartnerDelimitersView;
  @ApiProperty() maxClaimsPerTransaction!: number;
  @ApiProperty() maxClaimsPerFile!: number;
  @ApiProperty() oneInterchangePerFile!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;

  /** Field by field, so a column added to the entity (such as the ciphertext) never leaks by accident. */
  static of(entity: TradingPartnerEntity): TradingPartnerView {
    return {
      id: entity.id,
      shared: entity.orgId === null,
      name: entity.name,
      payerIds: [...entity.payerIds],
      enabled: entity.enabled,
      host: entity.host,
      port: entity.port,
      username: entity.username,
      credential: { method: entity.authMethod, set: true },
      hostKeyFingerprint: entity.hostKeyFingerprint,
      outboundDir: entity.outboundDir,
      inboundDir: entity.inboundDir,
      fileNamePattern: entity.fileNamePattern,
      inboundDisposal: entity.inboundDisposal,
      inboundArchiveDir: entity.inboundArchiveDir,
      renameAllowed: entity.renameAllowed,
      verifyHashBelowBytes: entity.verifyHashBelowBytes,
      isaSenderQualifier: entity.isaSenderQualifier,
      isaSenderId: entity.isaSenderId,
      isaReceiverQualifier: entity.isaReceiverQualifier,
      isaReceiverId: entity.isaReceiverId,
      gsSenderCode: entity.gsSenderCode,
      gsReceiverCode: entity.gsReceiverCode,
      usageIndicator: entity.usageIndicator,
      acknowledgmentRequested: entity.acknowledgmentRequested,
      delimiters: { ...entity.delimiters },
      maxClaimsPerTransaction: entity.maxClaimsPerTransaction,
      maxClaimsPerFile: entity.maxClaimsPerFile,
      oneInterchangePerFile: entity.oneInterchangePerFile,
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
    };
  }
}

export class TradingPartnerListView {
  @ApiProperty({ type: [TradingPartnerView] }) items!: TradingPartnerView[];
}
