// openapi-diff in a child process of its own, so that the gate can bound it: the parent caps its
// heap (--max-old-space-size) and kills it at its time limit. Receives both documents over IPC and
// sends back only what the gate reads of each result: its type, code and locations. It waits for
// the next pair until the parent goes.
import openapiDiff from 'openapi-diff';

const locations = (details) => details.map((detail) => ({ location: String(detail.location) }));

process.on('disconnect', () => process.exit(0));

process.on('message', async ({ before, after }) => {
  let reply;
  try {
    const outcome = await openapiDiff.diffSpecs({
      sourceSpec: { content: JSON.stringify(before), location: 'base', format: 'openapi3' },
      destinationSpec: { content: JSON.stringify(after), location: 'working tree', format: 'openapi3' },
    });
    const results = [...(outcome.breakingDifferences ?? []), ...outcome.nonBreakingDifferences, ...outcome.unclassifiedDifferences];
    reply = {
      results: results.map((result) => ({
        type: result.type,
        code: result.code,
        sourceSpecEntityDetails: locations(result.sourceSpecEntityDetails),
        destinationSpecEntityDetails: locations(result.destinationSpecEntityDetails),
      })),
    };
  } catch (error) {
    reply = { error: String(error?.message ?? error) };
  }
  process.send(reply);
});
