"""The course's own machinery, apart from the lesson modules that notebooks import.

The notebook format (:mod:`.nbfiles`, :mod:`.validator`), the course runner (:mod:`.course`), the website
(:mod:`.site`, :mod:`.assets`), the slides (:mod:`.slides`, :mod:`.slidefit`), the Hindi lint (:mod:`.hindilint`),
the Colab/Kaggle set-up cell (:mod:`.colab`), the network block of the tests (:mod:`.netblock`) and the command line
(:mod:`.cli`, with the standard-library-only environment set-up in :mod:`.envsetup` and the test runners in
:mod:`.testrun`). Nothing is imported here: ``python -m coursekit setup`` runs before anything is installed.
"""
