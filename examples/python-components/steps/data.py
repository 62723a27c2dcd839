"""Steps of the python-components example: plain Python functions, as KFP v1 users write them."""
from typing import NamedTuple

from kfp.components import InputPath, OutputPath


def make_table(rows: int, table_path: OutputPath('CSV'), seed: int = 7):
    """Writes a CSV table of random numbers."""
    import random
    random.seed(seed)
    with open(table_path, 'w') as f:
        f.write('value\n')
        for _ in range(rows):
            f.write(f'{random.random()}\n')


def summarize(table_path: InputPath('CSV'), label: str = 'values') -> NamedTuple('Summary', [('count', int), ('mean', float)]):
    """Counts and averages the table's values.

    Args:
        table_path: The table made by make_table.
        label: What the values are.
    """
    import pandas as pd
    values = pd.read_csv(table_path)['value']
    print(f'{len(values)} {label}, mean {values.mean():.3f}')
    return (len(values), float(values.mean()))
