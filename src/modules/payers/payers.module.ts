import { Module } from '@nestjs/common';
import { PayersRepository } from './payers.repository';

/** Payers (payer id, name, claim filing indicator). Shared sandbox payers are seeded by the migration. */
@Module({ providers: [PayersRepository], exports: [PayersRepository] })
export class PayersModule {}
