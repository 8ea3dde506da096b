import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI description of the one error body every endpoint returns (see GatewayExceptionFilter). */
export class ErrorDetailDto {
  @ApiPropertyOptional({ example: '$.claims[0].serviceLines[1].procedureCode' }) path?: string;
  @ApiPropertyOptional({ example: 'procedure_code_shape' }) code?: string;
  @ApiProperty({ example: 'procedure code must be 5 characters' }) message!: string;
}

export class ErrorDto {
  @ApiProperty({ example: 'api_key_invalid', description: 'Stable machine-readable code.' }) code!: string;
  @ApiProperty({ example: 'The API key is not valid.' }) message!: string;
  @ApiProperty({
    example: '5f0c1d2e-8a4b-4c3d-9e2f-1a2b3c4d5e6f',
    description: 'Also in the X-Request-Id header.',
  })
  requestId!: string;
  @ApiPropertyOptional({ type: [ErrorDetailDto] }) details?: ErrorDetailDto[];
}

export class ErrorResponseDto {
  @ApiProperty({ type: ErrorDto }) error!: ErrorDto;
}
