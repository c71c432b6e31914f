from anyq.cli import main

main()
