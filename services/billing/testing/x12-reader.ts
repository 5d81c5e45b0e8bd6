import { X12FatInterchange, type X12Interchange, X12Parser, type X12Segment } from 'node-x12';

/** A segment as its tag and element values (element 1 first). */
export interface ReadSegment {
  tag: string;
  elements: string[];
}

export interface ReadInterchange {
  isa: ReadSegment;
  iea: ReadSegment;
  groups: {
    gs: ReadSegment;
    ge: ReadSegment;
    transactions: { st: ReadSegment; se: ReadSegment; segments: ReadSegment[] }[];
  }[];
}

const read = (segment: X12Segment): ReadSegment => ({
  tag: segment.tag,
  elements: segment.elements.map((element) => element.value),
});

/**
 * Reads an X12 file with node-x12, an independent, strict parser (it refuses wrong control numbers
 * and trailer counts), into plain segments for assertions.
 */
export function readX12(body: string): ReadInterchange[] {
  const parsed = new X12Parser(true).parse(body);
  const interchanges: X12Interchange[] =
    parsed instanceof X12FatInterchange ? [...parsed] : [parsed as X12Interchange];
  return interchanges.map((interchange) => ({
    isa: read(interchange.header),
    iea: read(interchange.trailer),
    groups: interchange.functionalGroups.map((group) => ({
      gs: read(group.header),
      ge: read(group.trailer),
      transactions: group.transactions.map((transaction) => ({
        st: read(transaction.header),
        se: read(transaction.trailer),
        segments: transaction.segments.map(read),
      })),
    })),
  }));
}
