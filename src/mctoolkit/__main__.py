from mctoolkit.cli import main

raise SystemExit(main())
