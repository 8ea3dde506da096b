/**
 * Reads one 835 transaction set (005010X221A1) into the typed Remittance835 model. Tolerant: every
 * segment it cannot place becomes a warning (never silently dropped), a bad amount an error; nothing
 * throws. Structure checks against the guide are the schema walker's job, balancing is 835.rules.ts.
 */
import { elementReference } from '../../syntax/elements';
import { segmentLabel } from '../../syntax/segment-ids';
import { SegmentView } from '../../syntax/segment-view';
import type { Delimiters, Diagnostic, DiagnosticLocation, Result, Segment } from '../../syntax/types';
import type { TransactionSet } from '../../envelope/types';
import type { TransactionSegmentSink } from '../../envelope/envelope-assembler';
import { diagnostic835, segmentLocation } from './835.diagnostics';
import type {
  AdjudicationInformation835,
  Adjustment835,
  Cents835,
  Claim835,
  ClaimGroup835,
  Contact835,
  Party835,
  Procedure835,
  Remittance835,
  ServiceLine835,
} from './835.model';
import { keepShapeAlive } from '../../keep-shape-alive';
import { DEFAULT_DELIMITERS } from '../../syntax/segment-writer';

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

/** CAS02/03/04 .. CAS17/18/19: six reason/amount/quantity trios; CAS17 is the last reason element. */
const CAS_LAST_REASON_ELEMENT = 17;
/** PLB03/PLB04 .. PLB13/PLB14: the identifier element of each of the six pairs (the amount follows). */
const PLB_IDENTIFIER_ELEMENTS = [3, 5, 7, 9, 11, 13];
/** PER03/04, PER05/06, PER07/08: communication qualifier and number pairs. */
const PER_QUALIFIER_ELEMENTS = [3, 5, 7];

/**
 * The one empty list every claim, service line and procedure starts with: frozen, so it cannot be
 * pushed onto by mistake, and shared, because a remittance holds hundreds of thousands of empty lists.
 */
const NONE: readonly never[] = Object.freeze([]);

/**
 * Append to a claim or service line list, giving a new array while it is short: a push onto `[]`
 * reserves 16 slots (and onto a short literal, 16 more), and a remittance holds hundreds of thousands
 * of lists of one to four items. Only a list of four or more (never NONE) is pushed onto in place.
 */
function appended<T>(list: readonly T[], item: T): readonly T[] {
  switch (list.length) {
    case 0:
      return [item];
    case 1:
      return [list[0], item];
    case 2:
      return [list[0], list[1], item];
    case 3:
      return [list[0], list[1], list[2], item];
    default:
      (list as T[]).push(item);
      return list;
  }
}

/** Remark code positions: MIA05 and MIA20-MIA23; MOA03-MOA07. */
const MIA_REMARK_ELEMENTS = [5, 20, 21, 22, 23];
const MOA_REMARK_ELEMENTS = [3, 4, 5, 6, 7];

/**
 * A party with every field a later segment may set already declared (N3/N4, RDM, REF*TJ set them
 * after N1), so that setting one never changes the object's shape; see readClp.
 */
function party(entityCode: string, name: string, idQualifier?: string, id?: string): Party835 {
  return {
    entityCode,
    name,
    idQualifier,
    id,
    address: undefined,
    references: [],
    contacts: [],
    remittanceDelivery: undefined,
    npi: undefined,
    taxId: undefined,
  };
}

class Reader835 {
  readonly diagnostics: Diagnostic[] = [];
  private context: Context = 'header';
  private claim: Claim835 | undefined;
  private line: ServiceLine835 | undefined;
  private position = 0;
  /** The segment being read, in place (a scanned view, or a kept Segment loaded into one). */
  private view!: SegmentView;
  /** Required segments seen (reported in finish() when missing). */
  private seenBpr = false;
  private seenTrn = false;
  private seenPayer = false;
  private seenPayee = false;
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
        paymentCents: null,
        creditDebitFlag: '',
        paymentMethod: '',
        paymentDate: '',
      },
      trace: { traceTypeCode: '', traceNumber: '', payerId: '' },
      currency: undefined,
      references: [],
      dates: [],
      payer: party('', ''),
      payee: party('', ''),
      claimGroups: [],
      providerAdjustments: [],
    };
  }

  /** Element by 1-based position (CLP04 -> 4), '' when absent. */
  private element(n: number): string {
    return this.view.elementAt(n - 1) ?? '';
  }

  /** True when element `n` (1-based) is present and not empty. */
  private has(n: number): boolean {
    return this.view.hasValue(n - 1);
  }

  private optionalElement(n: number): string | undefined {
    const text = this.view.elementAt(n - 1);
    return text === '' ? undefined : text;
  }

  /** The components of element `n` (1-based); [] when it is empty. */
  private components(n: number): string[] {
    return this.view.componentsAt(n - 1, this.delimiters.component);
  }

  /** Component `c` (1-based) of element `n`, '' when absent. */
  private component(n: number, c: number): string {
    return this.components(n)[c - 1] ?? '';
  }

  /** Raw elements with trailing empties dropped (so writing gives the same bytes). */
  private rawElements(): string[] {
    const elements = this.view.toElements();
    while (elements.length > 0 && elements[elements.length - 1] === '') elements.pop();
    return elements;
  }

  /** Element `n` in cents; the diagnostic names it (`CLP04`) when it is not an amount. */
  private amount(n: number): Cents835 {
    // straight from the input: an amount's text is never made, only its cents
    const cents = this.view.centsAt(n - 1);
    if (cents !== undefined) return cents;
    const reference = elementReference(this.view.id, n);
    this.diagnostics.push(
      diagnostic835(
        'X12-835-AMOUNT-FORMAT',
        'error',
        1,
        `${reference} is not a valid amount (decimal with at most two decimal places) at segment ${this.position}`,
        segmentLocation(this.base, this.view, this.position, {
          element: reference,
          loopId: this.loopId(),
        }),
      ),
    );
    return null;
  }

  private optionalAmount(n: number): Cents835 | undefined {
    return this.has(n) ? this.amount(n) : undefined;
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
        `${segmentLabel(this.view.id)} at position ${this.position} ${reason}; it is not in the remittance model`,
        segmentLocation(this.base, this.view, this.position, { loopId: this.loopId() }),
      ),
    );
  }

  /** The next segment of the transaction set (ST first), read before the call returns. */
  accept(view: SegmentView): void {
    this.view = view;
    this.position++;
    this.dispatch();
  }

  private dispatch(): void {
    const id = this.view.id;
    // The segments of claims and service lines first: they are nearly all of a large remittance.
    switch (id) {
      case 'SVC':
        return this.readSvc();
      case 'DTM':
        return this.readDtm();
      case 'CAS':
        return this.readCas();
      case 'REF':
        return this.readRef();
      case 'AMT':
      case 'QTY':
        return this.readAmountOrQuantity();
      case 'CLP':
        return this.readClp();
      case 'NM1':
        return this.readNm1();
      case 'ST':
      case 'SE':
        return;
      case 'BPR':
        return this.readBpr();
      case 'TRN':
        return this.readTrn();
      case 'CUR':
        if (this.context !== 'header') return this.ignore('is outside the header');
        this.model.currency = { entityCode: this.element(1), currencyCode: this.element(2) };
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
      case 'LX':
        return this.readLx();
      case 'TS3':
      case 'TS2':
        return this.readProviderSummary();
      case 'MIA':
      case 'MOA':
        return this.readAdjudication();
      case 'LQ':
        if (this.context !== 'serviceLine' || !this.line) return this.ignore('is outside loop 2110');
        this.line.remarks = appended(this.line.remarks, {
          qualifier: this.element(1),
          code: this.element(2),
        });
        return;
      case 'PLB':
        return this.readPlb();
      default:
        return this.ignore('is not part of the 835 guide');
    }
  }

  private readBpr(): void {
    this.seenBpr = true;
    if (this.context !== 'header') return this.ignore('is outside the header');
    this.model.financialInformation = {
      handlingCode: this.element(1),
      paymentCents: this.amount(2),
      creditDebitFlag: this.element(3),
      paymentMethod: this.element(4),
      paymentFormat: this.optionalElement(5),
      senderDfiQualifier: this.optionalElement(6),
      senderDfiNumber: this.optionalElement(7),
      senderAccountQualifier: this.optionalElement(8),
      senderAccountNumber: this.optionalElement(9),
      originatingCompanyId: this.optionalElement(10),
      originatingCompanySupplementalCode: this.optionalElement(11),
      receiverDfiQualifier: this.optionalElement(12),
      receiverDfiNumber: this.optionalElement(13),
      receiverAccountQualifier: this.optionalElement(14),
      receiverAccountNumber: this.optionalElement(15),
      paymentDate: this.element(16),
    };
  }

  private readTrn(): void {
    this.seenTrn = true;
    if (this.context !== 'header') return this.ignore('is outside the header');
    this.model.trace = {
      traceTypeCode: this.element(1),
      traceNumber: this.element(2),
      payerId: this.element(3),
      originatingCompanySupplementalCode: this.optionalElement(4),
    };
  }

  private readN1(): void {
    const entity = this.element(1);
    if (entity === 'PR') this.seenPayer = true;
    else if (entity === 'PE') this.seenPayee = true;
    if (entity !== 'PR' && entity !== 'PE') return this.ignore('has an entity code other than PR or PE');
    if (this.context !== 'header' && this.context !== 'payer')
      return this.ignore('comes after the claims began');
    const read = party(entity, this.element(2), this.optionalElement(3), this.optionalElement(4));
    if (entity === 'PR') {
      this.model.payer = read;
      this.context = 'payer';
    } else {
      if (read.idQualifier === 'XX') read.npi = read.id;
      if (read.idQualifier === 'FI') read.taxId = read.id;
      this.model.payee = read;
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
    party.address ??= {
      lines: [],
      city: undefined,
      state: undefined,
      postalCode: undefined,
      countryCode: undefined,
      countrySubdivision: undefined,
    };
    if (this.view.id === 'N3') {
      party.address.lines = [this.element(1), this.element(2)].filter((line) => line !== '');
      return;
    }
    party.address.city = this.optionalElement(1);
    party.address.state = this.optionalElement(2);
    party.address.postalCode = this.optionalElement(3);
    party.address.countryCode = this.optionalElement(4);
    party.address.countrySubdivision = this.optionalElement(7);
  }

  private readPer(): void {
    const contact: Contact835 = {
      functionCode: this.element(1),
      name: this.optionalElement(2),
      communications: [],
    };
    for (const n of PER_QUALIFIER_ELEMENTS) {
      const qualifier = this.element(n);
      const number = this.element(n + 1);
      if (qualifier !== '' || number !== '') contact.communications.push({ qualifier, number });
    }
    if (this.context === 'payer') this.model.payer.contacts.push(contact);
    else if (this.context === 'claim' && this.claim)
      this.claim.contacts = appended(this.claim.contacts, contact);
    else this.ignore('is outside loops 1000A and 2100');
  }

  private readRef(): void {
    if (this.context === 'serviceLine') return this.readLineRef(this.line!);
    const reference = { qualifier: this.element(1), value: this.element(2) };
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
        this.claim!.references = appended(this.claim!.references, reference);
        return;
      case 'claimGroup':
      case 'summary':
        return this.ignore('is outside the header, 1000A/B, 2100 and 2110 loops');
    }
  }

  /** 2110 REF: the first REF*6R is the line item control number (echoed from the 837's REF*6R). */
  private readLineRef(line: ServiceLine835): void {
    const qualifier = this.element(1);
    if (qualifier === '6R' && line.lineControlNumber === undefined) {
      line.lineControlNumber = this.element(2);
      return;
    }
    line.otherReferences = appended(line.otherReferences, { qualifier, value: this.element(2) });
  }

  private readDtm(): void {
    if (this.context === 'serviceLine') return this.readLineDtm(this.line!);
    const date = { qualifier: this.element(1), date: this.element(2) };
    if (this.context === 'header') this.model.dates.push(date);
    else if (this.context === 'claim') this.claim!.dates = appended(this.claim!.dates, date);
    else this.ignore('is outside the header, 2100 and 2110 loops');
  }

  /** 2110 DTM: the first DTM*472, *150 and *151 are the line's service date or period. */
  private readLineDtm(line: ServiceLine835): void {
    const qualifier = this.element(1);
    if (qualifier === '472' && line.serviceDate === undefined) line.serviceDate = this.element(2);
    else if (qualifier === '150' && line.serviceStartDate === undefined)
      line.serviceStartDate = this.element(2);
    else if (qualifier === '151' && line.serviceEndDate === undefined) line.serviceEndDate = this.element(2);
    else line.otherDates = appended(line.otherDates, { qualifier, date: this.element(2) });
  }

  private readLx(): void {
    if (this.context === 'summary') return this.ignore('follows the PLB summary');
    this.model.claimGroups.push({ headerNumber: this.element(1), claims: [] });
    this.context = 'claimGroup';
    this.claim = undefined;
    this.line = undefined;
  }

  private readProviderSummary(): void {
    const group = this.model.claimGroups[this.model.claimGroups.length - 1];
    if (this.context !== 'claimGroup' || !group) return this.ignore('is outside loop 2000');
    if (this.view.id === 'TS3') group.providerSummary = this.rawElements();
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
      patientControlNumber: this.element(1),
      statusCode: this.element(2),
      chargeCents: this.amount(3),
      paymentCents: this.amount(4),
      patientResponsibilityCents: this.optionalAmount(5),
      filingIndicator: this.element(6),
      payerClaimControlNumber: this.element(7),
      facilityCode: this.optionalElement(8),
      frequencyCode: this.optionalElement(9),
      drgCode: this.optionalElement(11),
      drgWeight: this.optionalElement(12),
      dischargeFraction: this.optionalElement(13),
      // Every field a later segment may set is declared here, so that all claims share one shape and
      // setting a name or MIA/MOA never reshapes the object (a remittance holds tens of thousands).
      patient: undefined,
      insured: undefined,
      correctedPatient: undefined,
      serviceProvider: undefined,
      crossoverCarrier: undefined,
      correctedPriorityPayer: undefined,
      otherSubscriber: undefined,
      inpatientAdjudication: undefined,
      outpatientAdjudication: undefined,
      adjustments: NONE,
      references: NONE,
      dates: NONE,
      contacts: NONE,
      amounts: NONE,
      quantities: NONE,
      serviceLines: NONE,
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
    const group = this.element(1);
    // CAS02-CAS19: up to six reason/amount/quantity trios (only those the segment has elements for)
    const last = Math.min(this.view.elementCount, CAS_LAST_REASON_ELEMENT);
    for (let n = 2; n <= last; n += 3) {
      const reason = this.element(n);
      if (reason === '' && !this.has(n + 1)) continue;
      const adjustment: Adjustment835 = {
        group,
        reason,
        cents: this.amount(n + 1),
        quantity: this.optionalElement(n + 2),
      };
      target.adjustments = appended(target.adjustments, adjustment);
    }
  }

  private readNm1(): void {
    if (this.context !== 'claim' || !this.claim) return this.ignore('is outside loop 2100');
    const entity = this.element(1);
    if (!Object.hasOwn(CLAIM_NAME_FIELDS, entity))
      return this.ignore('has an entity code loop 2100 does not use');
    const field = CLAIM_NAME_FIELDS[entity as keyof typeof CLAIM_NAME_FIELDS];
    this.claim[field] = {
      entityCode: entity,
      entityType: this.element(2),
      lastName: this.optionalElement(3),
      firstName: this.optionalElement(4),
      middleName: this.optionalElement(5),
      prefix: this.optionalElement(6),
      suffix: this.optionalElement(7),
      idQualifier: this.optionalElement(8),
      id: this.optionalElement(9),
    };
  }

  private readAdjudication(): void {
    if (this.context !== 'claim' || !this.claim) return this.ignore('is outside loop 2100');
    const elements = this.rawElements();
    const positions = this.view.id === 'MIA' ? MIA_REMARK_ELEMENTS : MOA_REMARK_ELEMENTS;
    const information: AdjudicationInformation835 = {
      elements,
      remarkCodes: positions.map((position) => elements[position - 1] ?? '').filter((code) => code !== ''),
    };
    if (this.view.id === 'MIA') this.claim.inpatientAdjudication = information;
    else this.claim.outpatientAdjudication = information;
  }

  private readAmountOrQuantity(): void {
    if (this.context === 'serviceLine') return this.readLineAmountOrQuantity(this.line!);
    if (this.context !== 'claim' || !this.claim) return this.ignore('is outside loops 2100 and 2110');
    const claim = this.claim;
    const qualifier = this.element(1);
    if (this.view.id === 'AMT') claim.amounts = appended(claim.amounts, { qualifier, cents: this.amount(2) });
    else claim.quantities = appended(claim.quantities, { qualifier, quantity: this.element(2) });
  }

  /** 2110 AMT and QTY: the first AMT*B6 is the line's allowed amount. */
  private readLineAmountOrQuantity(line: ServiceLine835): void {
    const qualifier = this.element(1);
    if (this.view.id === 'QTY') {
      line.quantities = appended(line.quantities, { qualifier, quantity: this.element(2) });
    } else if (qualifier === 'B6' && line.allowedCents === undefined) {
      line.allowedCents = this.amount(2);
    } else {
      line.otherAmounts = appended(line.otherAmounts, { qualifier, cents: this.amount(2) });
    }
  }

  private procedure(n: number): Procedure835 {
    const parts = this.components(n);
    let modifiers: readonly string[] = NONE;
    if (parts.length > 2) {
      const given = parts.slice(2, 6);
      while (given.length > 0 && given[given.length - 1] === '') given.pop();
      if (given.length > 0) modifiers = given;
    }
    const description = parts.length > 6 ? parts[6] : '';
    return {
      qualifier: parts.length > 0 ? parts[0] : '',
      code: parts.length > 1 ? parts[1] : '',
      modifiers,
      description: description === '' ? undefined : description,
    };
  }

  private readSvc(): void {
    if ((this.context !== 'claim' && this.context !== 'serviceLine') || !this.claim) {
      return this.ignore('is outside loop 2100');
    }
    const line: ServiceLine835 = {
      procedure: this.procedure(1),
      chargeCents: this.amount(2),
      paymentCents: this.amount(3),
      revenueCode: this.optionalElement(4),
      units: this.optionalElement(5),
      submittedProcedure: this.has(6) ? this.procedure(6) : undefined,
      submittedUnits: this.optionalElement(7),
      // Set by later segments; declared here so that every line has one shape.
      serviceDate: undefined,
      serviceStartDate: undefined,
      serviceEndDate: undefined,
      otherDates: NONE,
      adjustments: NONE,
      lineControlNumber: undefined,
      otherReferences: NONE,
      allowedCents: undefined,
      otherAmounts: NONE,
      quantities: NONE,
      remarks: NONE,
    };
    this.claim.serviceLines = appended(this.claim.serviceLines, line);
    this.line = line;
    this.context = 'serviceLine';
  }

  private readPlb(): void {
    const adjustment = {
      providerId: this.element(1),
      fiscalPeriodDate: this.element(2),
      adjustments: [] as Remittance835['providerAdjustments'][number]['adjustments'],
    };
    this.context = 'summary';
    // PLB03/04 .. PLB13/14: up to six adjustment identifier (composite) / amount pairs
    for (const n of PLB_IDENTIFIER_ELEMENTS) {
      if (!this.has(n) && !this.has(n + 1)) continue;
      const reference = this.component(n, 2);
      adjustment.adjustments.push({
        reasonCode: this.component(n, 1),
        reference: reference === '' ? undefined : reference,
        cents: this.amount(n + 1),
      });
    }
    this.model.providerAdjustments.push(adjustment);
  }

  /** After the last segment: report what the reader needed but never saw. */
  finish(first: Segment | undefined, complete: boolean): void {
    const location = first ? segmentLocation(this.base, first, 1) : { ...this.base };
    if (!complete) {
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
    for (const [required, segmentId, seen] of [
      ['BPR', 'BPR', this.seenBpr],
      ['TRN', 'TRN', this.seenTrn],
      ['N1*PR', 'N1', this.seenPayer],
      ['N1*PE', 'N1', this.seenPayee],
    ] as const) {
      if (seen) continue;
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
  const view = new SegmentView();
  for (const segment of tx.segments) reader.accept(view.load(segment));
  reader.finish(st, tx.complete);
  return { value: reader.model, diagnostics: reader.diagnostics };
}

/**
 * The same read, one segment at a time, for callers that get segments as they are scanned (see
 * visitRemittances835): no segment is kept, so a large 835 costs only its model. The constructor takes
 * the ST, `segment()` every segment after it through SE, in order (it is the envelope assembler's
 * TransactionSegmentSink); `finish()` gives exactly what read835 gives for that transaction set.
 */
export class Remittance835Reader implements TransactionSegmentSink {
  private readonly reader: Reader835;
  /** The view a kept Segment is read through. */
  private readonly loaded = new SegmentView();

  constructor(
    private readonly st: Segment,
    delimiters: Delimiters,
    location: DiagnosticLocation = {},
  ) {
    const controlNumber = st.elements[1] ?? '';
    const version = st.id === 'ST' && st.elements[2] ? st.elements[2] : undefined;
    this.reader = new Reader835(
      delimiters,
      { ...location, transactionControlNumber: controlNumber },
      controlNumber,
      version,
    );
    this.reader.accept(new SegmentView().load(st));
  }

  /** The next segment after ST: the scanner's view (read before this returns) or a kept Segment. */
  segment(segment: SegmentView | Segment): void {
    this.reader.accept(segment instanceof SegmentView ? segment : this.loaded.load(segment));
  }

  /** `complete`: the transaction set ended with its SE (false when it was cut off). */
  finish(complete: boolean): Result<Remittance835> {
    this.reader.finish(this.st, complete);
    return { value: this.reader.model, diagnostics: this.reader.diagnostics };
  }
}

// An idle reader keeps its shapes, and so the optimized 835 reading code, alive between reads; see
// keepShapeAlive. Its ST is made up here and names no file.
keepShapeAlive(
  new Remittance835Reader(
    { id: 'ST', elements: ['835', '0001'], index: 0, byteOffset: 0 },
    DEFAULT_DELIMITERS,
  ),
);
