"""Writes second-labeller-sample.tsv: 30% of each (split, source) of labels.tsv, drawn with a fixed seed, no labels."""
import collections, random
from check_labels import HERE, rows

SEED, SHARE = 18, 0.30

if __name__ == '__main__':
    strata = collections.defaultdict(list)
    for r in rows(HERE / 'labels.tsv'):
        strata[(r['split'], r['source'])].append(r)
    rnd = random.Random(SEED)
    sample = []
    for key in sorted(strata):
        sample += rnd.sample(strata[key], max(1, round(len(strata[key]) * SHARE)))
    rnd.shuffle(sample)
    cols = ['message_id', 'source', 'me', 'direction', 'language']
    with open(HERE / 'second-labeller-sample.tsv', 'w', encoding='utf-8') as f:
        f.write('# Sample for an independent second labeller: label each row asks|none (and a kind) from the text alone,\n')
        f.write(f'# following README.md, without looking at labels.tsv or the classifier. Seed {SEED}, {SHARE:.0%} of each split and source.\n')
        f.write('\t'.join(cols) + '\n')
        for r in sample:
            f.write('\t'.join(r[c] for c in cols) + '\n')
    print(len(sample), 'rows')
