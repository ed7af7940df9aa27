"""Figures: the numbers union news reports (members recruited, money paid out), found in
sentences and recorded as ``kg:Measurement`` with their evidence."""
