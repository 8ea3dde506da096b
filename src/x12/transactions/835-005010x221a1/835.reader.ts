/**
 * Reads one 835 transaction set (005010X221A1) into the typed Remittance835 model. Tolerant: every
 * segment it cannot place becomes a warning (never silently dropped), a bad amount an error; nothing
 * throws. Structure checks against the guide are the schema walker's job, balancing is 835.rules.ts.
 */
import { moneyFromText } from '../../money';
import { components, parseElementReference, type ElementReference } from '../../syntax/elements';
import type { Delimiters, Diagnostic, DiagnosticLocation, Result, Segment } from '../../syntax/types';
import type { TransactionSet } from '../../envelope/types';
import { diagnostic835, segmentLocation } from './835.diagnostics';
import type {
  AdjudicationInformation835,
  Adjustment835,
  Amount835,
  Claim835,
  ClaimGroup835,
  Contact835,
  Party835,
  Procedure835,
  Remittance835,
  ServiceLine835,
} from './835.model';

/** Parsed element references, shared by all reads (the set of references the reader uses is fixed). */
const REFERENCES = new Map<string, ElementReference>();

type Context = 'header' | 'payer' | 'payee' | 'claimGroup' | 'claim' | 'serviceLine' | 'summary';

/** NM1 entity codes of loop 2100 and the claim field each fills. */
const CLAIM_NAME_FIELDS = {
  QC: 'patient',
  IL: 'insured',
  '74': 'correctedPatient',
  '82': 'serviceProvider',
  TT: 'crossoverCarrier',
  PR: 'correctedPriorityPayer',
  GB: 'otherSubscriber',
} as const satisfies Record<string, keyof Claim835>;

/** CAS02/03/04 .. CAS17/18/19: reason, amount, quantity references of the six trios. */
const CAS_TRIOS = [0, 1, 2, 3, 4, 5].map((trio) =>
  [2, 3, 4].map((offset) => `CAS${String(offset + trio * 3).padStart(2, '0')}`),
);
/** PLB03/PLB04 .. PLB13/PLB14: adjustment identifier and amount references of the six pairs. */
const PLB_PAIRS = [0, 1, 2, 3, 4, 5].map((pair) =>
  [3, 4].map((offset) => `PLB${String(offset + pair * 2).padStart(2, '0')}`),
);

/** Remark code positions: MIA05 and MIA20-MIA23; MOA03-MOA07. */
const MIA_REMARK_ELEMENTS = [5, 20, 21, 22, 23];
const MOA_REMARK_ELEMENTS = [3, 4, 5, 6, 7];

function emptyParty(): Party835 {
  return { entityCode: '', name: '', references: [], contacts: [] };
}

class Reader835 {
  readonly diagnostics: Diagnostic[] = [];
  private context: Context = 'header';
  private claim: Claim835 | undefined;
  private line: ServiceLine835 | undefined;
  private position = 0;
  private segment!: Segment;
  private readonly seen = new Set<string>();
  readonly model: Remittance835;

  constructor(
    private readonly delimiters: Delimiters,
    private readonly base: DiagnosticLocation,
    transactionControlNumber: string,
    version: string | undefined,
  ) {
    this.model = {
      transactionControlNumber,
      version,
      financialInformation: {
        handlingCode: '',
        paymentAmount: { value: '', cents: null },
        creditDebitFlag: '',
        paymentMethod: '',
        paymentDate: '',
      },
      trace: { traceTypeCode: '', traceNumber: '', payerId: '' },
      references: [],
      dates: [],
      payer: emptyParty(),
      payee: emptyParty(),
      claimGroups: [],
      providerAdjustments: [],
    };
  }

  /** Element or component by guide reference (`CLP04`, `PLB03-1`); references are parsed once and cached. */
  private value(reference: string): string {
    let parsed = REFERENCES.get(reference);
    if (!parsed) {
      parsed = parseElementReference(reference);
      REFERENCES.set(reference, parsed);
    }
    const raw = this.segment.elements[parsed.element - 1] ?? '';
    if (parsed.component === undefined) return raw;
    if (raw.indexOf(this.delimiters.component) < 0) return parsed.component === 1 ? raw : '';
    return components(raw, this.delimiters)[parsed.component - 1] ?? '';
  }

  private optional(reference: string): string | undefined {
    const text = this.value(reference);
    return text === '' ? undefined : text;
  }

  /** Raw elements with trailing empties dropped (so writing gives the same bytes). */
  private rawElements(): string[] {
    const elements = [...this.segment.elements];
    while (elements.length > 0 && elements[elements.length - 1] === '') elements.pop();
    return elements;
  }

  private amount(reference: string): Amount835 {
    const text = this.value(reference);
    const money = moneyFromText(text);
    if (money) return money;
    this.diagnostics.push(
      diagnostic835(
        'X12-835-AMOUNT-FORMAT',
        'error',
        1,
        `${reference} is not a valid amount (decimal with at most two decimal places) at segment ${this.position}`,
        segmentLocation(this.base, this.segment, this.position, {
          element: reference,
          loopId: this.loopId(),
        }),
      ),
    );
    return { value: text, cents: null };
  }

  private optionalAmount(reference: string): Amount835 | undefined {
    return this.value(reference) === '' ? undefined : this.amount(reference);
  }

  private loopId(): string | undefined {
    switch (this.context) {
      case 'header':
        return undefined;
      case 'payer':
        return '1000A';
      case 'payee':
        return '1000B';
      case 'claimGroup':
        return '2000';
      case 'claim':
        return '2100';
      case 'serviceLine':
        return '2110';
      case 'summary':
        return undefined;
    }
  }

  private ignore(reason: string): void {
    this.diagnostics.push(
      diagnostic835(
        'X12-835-SEGMENT-IGNORED',
        'warning',
        2,
        `${this.segment.id} segment at position ${this.position} ${reason}; it is not in the remittance model`,
        segmentLocation(this.base, this.segment, this.position, { loopId: this.loopId() }),
      ),
    );
  }

  read(segments: readonly Segment[]): void {
    for (let i = 0; i < segments.length; i++) {
      this.segment = segments[i];
      this.position = i + 1;
      this.seen.add(this.segment.id === 'N1' ? `N1*${this.value('N101')}` : this.segment.id);
      this.dispatch();
    }
  }

  private dispatch(): void {
    const id = this.segment.id;
    switch (id) {
      case 'ST':
      case 'SE':
        return;
      case 'BPR':
        return this.readBpr();
      case 'TRN':
        return this.readTrn();
      case 'CUR':
        if (this.context !== 'header') return this.ignore('is outside the header');
        this.model.currency = { entityCode: this.value('CUR01'), currencyCode: this.value('CUR02') };
        return;
      case 'N1':
        return this.readN1();
      case 'N3':
      case 'N4':
        return this.readAddress();
      case 'PER':
        return this.readPer();
      case 'RDM':
        if (this.context !== 'payee') return this.ignore('is outside loop 1000B');
        this.model.payee.remittanceDelivery = this.rawElements();
        return;
      case 'REF':
        return this.readRef();
      case 'DTM':
        return this.readDtm();
      case 'LX':
        return this.readLx();
      case 'TS3':
      case 'TS2':
        return this.readProviderSummary();
      case 'CLP':
        return this.readClp();
      case 'CAS':
        return this.readCas();
      case 'NM1':
        return this.readNm1();
      case 'MIA':
      case 'MOA':
        return this.readAdjudication();
      case 'AMT':
      case 'QTY':
        return this.readAmountOrQuantity();
      case 'SVC':
        return this.readSvc();
      case 'LQ':
        if (this.context !== 'serviceLine' || !this.line) return this.ignore('is outside loop 2110');
        this.line.remarks.push({ qualifier: this.value('LQ01'), code: this.value('LQ02') });
        return;
      case 'PLB':
        return this.readPlb();
      default:
        return this.ignore('is not part of the 835 guide');
    }
  }

  private readBpr(): void {
    if (this.context !== 'header') return this.ignore('is outside the header');
    this.model.financialInformation = {
      handlingCode: this.value('BPR01'),
      paymentAmount: this.amount('BPR02'),
      creditDebitFlag: this.value('BPR03'),
      paymentMethod: this.value('BPR04'),
      paymentFormat: this.optional('BPR05'),
      senderDfiQualifier: this.optional('BPR06'),
      senderDfiNumber: this.optional('BPR07'),
      senderAccountQualifier: this.optional('BPR08'),
      senderAccountNumber: this.optional('BPR09'),
      originatingCompanyId: this.optional('BPR10'),
      originatingCompanySupplementalCode: this.optional('BPR11'),
      receiverDfiQualifier: this.optional('BPR12'),
      receiverDfiNumber: this.optional('BPR13'),
      receiverAccountQualifier: this.optional('BPR14'),
      receiverAccountNumber: this.optional('BPR15'),
      paymentDate: this.value('BPR16'),
    };
  }

  private readTrn(): void {
    if (this.context !== 'header') return this.ignore('is outside the header');
    this.model.trace = {
      traceTypeCode: this.value('TRN01'),
      traceNumber: this.value('TRN02'),
      payerId: this.value('TRN03'),
      originatingCompanySupplementalCode: this.optional('TRN04'),
    };
  }

  private readN1(): void {
    const entity = this.value('N101');
    if (entity !== 'PR' && entity !== 'PE') return this.ignore('has an entity code other than PR or PE');
    if (this.context !== 'header' && this.context !== 'payer')
      return this.ignore('comes after the claims began');
    const party: Party835 = {
      entityCode: entity,
      name: this.value('N102'),
      idQualifier: this.optional('N103'),
      id: this.optional('N104'),
      references: [],
      contacts: [],
    };
    if (entity === 'PR') {
      this.model.payer = party;
      this.context = 'payer';
    } else {
      if (party.idQualifier === 'XX') party.npi = party.id;
      if (party.idQualifier === 'FI') party.taxId = party.id;
      this.model.payee = party;
      this.context = 'payee';
    }
  }

  private currentParty(): Party835 | undefined {
    if (this.context === 'payer') return this.model.payer;
    if (this.context === 'payee') return this.model.payee;
    return undefined;
  }

  private readAddress(): void {
    const party = this.currentParty();
    if (!party) return this.ignore('is outside loops 1000A and 1000B');
    party.address ??= { lines: [] };
    if (this.segment.id === 'N3') {
      party.address.lines = [this.value('N301'), this.value('N302')].filter((line) => line !== '');
      return;
    }
    party.address.city = this.optional('N401');
    party.address.state = this.optional('N402');
    party.address.postalCode = this.optional('N403');
    party.address.countryCode = this.optional('N404');
    party.address.countrySubdivision = this.optional('N407');
  }

  private readPer(): void {
    const contact: Contact835 = {
      functionCode: this.value('PER01'),
      name: this.optional('PER02'),
      communications: [],
    };
    for (const [qualifier, number] of [
      ['PER03', 'PER04'],
      ['PER05', 'PER06'],
      ['PER07', 'PER08'],
    ]) {
      if (this.value(qualifier) !== '' || this.value(number) !== '') {
        contact.communications.push({ qualifier: this.value(qualifier), number: this.value(number) });
      }
    }
    if (this.context === 'payer') this.model.payer.contacts.push(contact);
    else if (this.context === 'claim' && this.claim) this.claim.contacts.push(contact);
    else this.ignore('is outside loops 1000A and 2100');
  }

  private readRef(): void {
    const reference = { qualifier: this.value('REF01'), value: this.value('REF02') };
    switch (this.context) {
      case 'header':
        this.model.references.push(reference);
        return;
      case 'payer':
      case 'payee': {
        const party = this.currentParty()!;
        party.references.push(reference);
        if (this.context === 'payee' && reference.qualifier === 'TJ') party.taxId ??= reference.value;
        return;
      }
      case 'claim':
        this.claim!.references.push(reference);
        return;
      case 'serviceLine':
        this.line!.references.push(reference);
        // 2110 REF*6R: line item control number, echoed from the 837 REF*6R
        if (reference.qualifier === '6R') this.line!.lineControlNumber ??= reference.value;
        return;
      case 'claimGroup':
      case 'summary':
        return this.ignore('is outside the header, 1000A/B, 2100 and 2110 loops');
    }
  }

  private readDtm(): void {
    const date = { qualifier: this.value('DTM01'), date: this.value('DTM02') };
    if (this.context === 'header') this.model.dates.push(date);
    else if (this.context === 'claim') this.claim!.dates.push(date);
    else if (this.context === 'serviceLine') this.line!.dates.push(date);
    else this.ignore('is outside the header, 2100 and 2110 loops');
  }

  private readLx(): void {
    if (this.context === 'summary') return this.ignore('follows the PLB summary');
    this.model.claimGroups.push({ headerNumber: this.value('LX01'), claims: [] });
    this.context = 'claimGroup';
    this.claim = undefined;
    this.line = undefined;
  }

  private readProviderSummary(): void {
    const group = this.model.claimGroups[this.model.claimGroups.length - 1];
    if (this.context !== 'claimGroup' || !group) return this.ignore('is outside loop 2000');
    if (this.segment.id === 'TS3') group.providerSummary = this.rawElements();
    else group.supplementalSummary = this.rawElements();
  }

  private readClp(): void {
    if (this.context === 'summary') return this.ignore('follows the PLB summary');
    let group: ClaimGroup835 | undefined = this.model.claimGroups[this.model.claimGroups.length - 1];
    if (!group || this.context === 'header' || this.context === 'payer' || this.context === 'payee') {
      // Loop 2100 belongs inside loop 2000 (LX); read tolerantly into a group without a header number.
      group = { claims: [] };
      this.model.claimGroups.push(group);
    }
    const claim: Claim835 = {
      patientControlNumber: this.value('CLP01'),
      statusCode: this.value('CLP02'),
      chargeAmount: this.amount('CLP03'),
      paymentAmount: this.amount('CLP04'),
      patientResponsibilityAmount: this.optionalAmount('CLP05'),
      filingIndicator: this.value('CLP06'),
      payerClaimControlNumber: this.value('CLP07'),
      facilityCode: this.optional('CLP08'),
      frequencyCode: this.optional('CLP09'),
      drgCode: this.optional('CLP11'),
      drgWeight: this.optional('CLP12'),
      dischargeFraction: this.optional('CLP13'),
      adjustments: [],
      references: [],
      dates: [],
      contacts: [],
      amounts: [],
      quantities: [],
      serviceLines: [],
    };
    group.claims.push(claim);
    this.claim = claim;
    this.line = undefined;
    this.context = 'claim';
  }

  private readCas(): void {
    const target =
      this.context === 'serviceLine' ? this.line : this.context === 'claim' ? this.claim : undefined;
    if (!target) return this.ignore('is outside loops 2100 and 2110');
    const group = this.value('CAS01');
    // CAS02-CAS19: up to six reason/amount/quantity trios
    for (const [reasonRef, amountRef, quantityRef] of CAS_TRIOS) {
      if (this.value(reasonRef) === '' && this.value(amountRef) === '') continue;
      const adjustment: Adjustment835 = {
        group,
        reason: this.value(reasonRef),
        amount: this.amount(amountRef),
        quantity: this.optional(quantityRef),
      };
      target.adjustments.push(adjustment);
    }
  }

  private readNm1(): void {
    if (this.context !== 'claim' || !this.claim) return this.ignore('is outside loop 2100');
    const entity = this.value('NM101');
    if (!Object.hasOwn(CLAIM_NAME_FIELDS, entity))
      return this.ignore('has an entity code loop 2100 does not use');
    const field = CLAIM_NAME_FIELDS[entity as keyof typeof CLAIM_NAME_FIELDS];
    this.claim[field] = {
      entityCode: entity,
      entityType: this.value('NM102'),
      lastName: this.optional('NM103'),
      firstName: this.optional('NM104'),
      middleName: this.optional('NM105'),
      prefix: this.optional('NM106'),
      suffix: this.optional('NM107'),
      idQualifier: this.optional('NM108'),
      id: this.optional('NM109'),
    };
  }

  private readAdjudication(): void {
    if (this.context !== 'claim' || !this.claim) return this.ignore('is outside loop 2100');
    const elements = this.rawElements();
    const positions = this.segment.id === 'MIA' ? MIA_REMARK_ELEMENTS : MOA_REMARK_ELEMENTS;
    const information: AdjudicationInformation835 = {
      elements,
      remarkCodes: positions.map((position) => elements[position - 1] ?? '').filter((code) => code !== ''),
    };
    if (this.segment.id === 'MIA') this.claim.inpatientAdjudication = information;
    else this.claim.outpatientAdjudication = information;
  }

  private readAmountOrQuantity(): void {
    const target =
      this.context === 'serviceLine' ? this.line : this.context === 'claim' ? this.claim : undefined;
    if (!target) return this.ignore('is outside loops 2100 and 2110');
    if (this.segment.id === 'AMT') {
      target.amounts.push({ qualifier: this.value('AMT01'), amount: this.amount('AMT02') });
    } else {
      target.quantities.push({ qualifier: this.value('QTY01'), quantity: this.value('QTY02') });
    }
  }

  private procedure(reference: string): Procedure835 {
    const parts = components(this.value(reference), this.delimiters);
    const modifiers = parts.slice(2, 6);
    while (modifiers.length > 0 && modifiers[modifiers.length - 1] === '') modifiers.pop();
    return {
      qualifier: parts[0] ?? '',
      code: parts[1] ?? '',
      modifiers,
      description: parts[6] === undefined || parts[6] === '' ? undefined : parts[6],
    };
  }

  private readSvc(): void {
    if ((this.context !== 'claim' && this.context !== 'serviceLine') || !this.claim) {
      return this.ignore('is outside loop 2100');
    }
    const line: ServiceLine835 = {
      procedure: this.procedure('SVC01'),
      chargeAmount: this.amount('SVC02'),
      paymentAmount: this.amount('SVC03'),
      revenueCode: this.optional('SVC04'),
      units: this.optional('SVC05'),
      submittedProcedure: this.value('SVC06') === '' ? undefined : this.procedure('SVC06'),
      submittedUnits: this.optional('SVC07'),
      dates: [],
      adjustments: [],
      references: [],
      amounts: [],
      quantities: [],
      remarks: [],
    };
    this.claim.serviceLines.push(line);
    this.line = line;
    this.context = 'serviceLine';
  }

  private readPlb(): void {
    const adjustment = {
      providerId: this.value('PLB01'),
      fiscalPeriodDate: this.value('PLB02'),
      adjustments: [] as Remittance835['providerAdjustments'][number]['adjustments'],
    };
    this.context = 'summary';
    // PLB03/04 .. PLB13/14: up to six adjustment identifier (composite) / amount pairs
    for (const [identifierRef, amountRef] of PLB_PAIRS) {
      if (this.value(identifierRef) === '' && this.value(amountRef) === '') continue;
      adjustment.adjustments.push({
        reasonCode: this.value(`${identifierRef}-1`),
        reference: this.optional(`${identifierRef}-2`),
        amount: this.amount(amountRef),
      });
    }
    this.model.providerAdjustments.push(adjustment);
  }

  /** After the last segment: report what the reader needed but never saw. */
  finish(tx: TransactionSet): void {
    const first = tx.segments[0];
    const location = first ? segmentLocation(this.base, first, 1) : { ...this.base };
    if (!tx.complete) {
      this.diagnostics.push(
        diagnostic835(
          'X12-835-INCOMPLETE',
          'error',
          1,
          'The 835 transaction set has no SE: it was cut off and must not be posted',
          { ...location, segmentId: 'SE' },
        ),
      );
    }
    for (const [required, segmentId] of [
      ['BPR', 'BPR'],
      ['TRN', 'TRN'],
      ['N1*PR', 'N1'],
      ['N1*PE', 'N1'],
    ]) {
      if (this.seen.has(required)) continue;
      this.diagnostics.push(
        diagnostic835('X12-835-REQUIRED-SEGMENT-MISSING', 'error', 2, `The 835 has no ${required} segment`, {
          ...this.base,
          segmentId,
        }),
      );
    }
  }
}

/**
 * Read one 835 transaction set (ST..SE) into a Remittance835. `location` (interchange and group control
 * numbers) is copied into each diagnostic.
 */
export function read835(
  tx: TransactionSet,
  delimiters: Delimiters,
  location: DiagnosticLocation = {},
): Result<Remittance835> {
  const base: DiagnosticLocation = { ...location, transactionControlNumber: tx.controlNumber };
  const st = tx.segments[0];
  const version = st && st.id === 'ST' && st.elements[2] ? st.elements[2] : undefined;
  const reader = new Reader835(delimiters, base, tx.controlNumber, version);
  reader.read(tx.segments);
  reader.finish(tx);
  return { value: reader.model, diagnostics: reader.diagnostics };
}
